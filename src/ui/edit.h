/*
 * edit.h - the GNU Readline set-up shared by the plain shell (src/cli/repl.c)
 * and the workbench's ":" prompt (prompt.c), so both edit, complete and
 * remember lines the same way: the readline name "lantern" (so ~/.inputrc
 * can say "$if lantern" and choose Emacs or vi keys), Tab completion through
 * lt_session_complete, and one history file.
 *
 * Readline is one global editor, so there is one set-up per process: call
 * ui_edit_init once before editing and ui_edit_done at the end.
 */
#ifndef UI_EDIT_H
#define UI_EDIT_H

#include "session.h"

/* Lines of history kept, in memory and in the file. */
#define UI_EDIT_HISTORY_MAX 1000

/*
 * Set readline up for lantern and load the history. Completion asks s.
 * Returns NULL, or a sentence to show the user when the history file could
 * not be read (caller frees; editing works anyway, with no history).
 */
char *ui_edit_init(lt_session *s);
/* Forget the history in memory and the session. The file is up to date. */
void ui_edit_done(void);
/*
 * The history file: $LANTERN_HISTORY, else $XDG_STATE_HOME/lantern/history,
 * else ~/.local/state/lantern/history (missing directories are made, 0700).
 * Caller frees.
 */
char *ui_edit_history_path(void);
/*
 * Remember a line the user entered: added to the history and appended to
 * the file (cut to UI_EDIT_HISTORY_MAX lines), unless it is blank or the
 * same as the line before.
 */
void ui_edit_remember(const char *line);
/* Drop trailing blanks (Tab completion leaves one) so history stays tidy. */
void ui_edit_chomp(char *line);
/*
 * Readline's attempted-completion function, installed by ui_edit_init.
 * It is here so a front end can wrap it (the shell does, to keep Ctrl-C
 * from jumping out of a catalog read).
 */
char **ui_edit_complete(const char *text, int start, int end);

#endif
