#ifndef RESEAU_NCURSES_SHIM_H
#define RESEAU_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <curses.h>

/* ncurses' termcap lookup, declared here rather than by <term.h>, whose macros (`lines`,
   `columns`…) would shadow Swift names: 1 when the terminal has a description. */
extern int tgetent(char *, const char *);
static inline int reseau_terminal_known(const char *name) { return tgetent(NULL, name); }

/* Macros Swift cannot see, as functions. */
static inline int reseau_lines(void) { return LINES; }
static inline int reseau_cols(void) { return COLS; }
static inline attr_t reseau_a_bold(void) { return A_BOLD; }
static inline attr_t reseau_a_dim(void) { return A_DIM; }
static inline attr_t reseau_a_underline(void) { return A_UNDERLINE; }
static inline attr_t reseau_a_reverse(void) { return A_REVERSE; }
static inline attr_t reseau_a_italic(void) { return A_ITALIC; }
static inline attr_t reseau_a_normal(void) { return A_NORMAL; }
static inline int reseau_key_resize(void) { return KEY_RESIZE; }
static inline int reseau_key_up(void) { return KEY_UP; }
static inline int reseau_key_down(void) { return KEY_DOWN; }
static inline int reseau_key_left(void) { return KEY_LEFT; }
static inline int reseau_key_right(void) { return KEY_RIGHT; }
static inline int reseau_key_home(void) { return KEY_HOME; }
static inline int reseau_key_end(void) { return KEY_END; }
static inline int reseau_key_npage(void) { return KEY_NPAGE; }
static inline int reseau_key_ppage(void) { return KEY_PPAGE; }
static inline int reseau_key_backspace(void) { return KEY_BACKSPACE; }
static inline int reseau_key_enter(void) { return KEY_ENTER; }
static inline int reseau_key_btab(void) { return KEY_BTAB; }

/* Signals. Quit requests (SIGINT, SIGTERM, SIGHUP, and the others whose default ends the
   process: SIGQUIT — instead of the Swift backtracer drawing over the screen —, SIGUSR1,
   SIGUSR2, SIGALRM, SIGPIPE for a terminal gone) only set a flag, installed without
   SA_RESTART so that a blocking read returns and the loop sees it. Crashes (SEGV, BUS, ILL,
   FPE, ABRT, TRAP) restore the terminal, put the old handler back and raise again. */
static inline volatile sig_atomic_t *reseau_quit_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
static inline void reseau_on_quit(int sig) { *reseau_quit_flag() = sig; }
static inline void reseau_on_crash(int sig) {
    if (!isendwin()) endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void reseau_install_signal_handlers(void) {
    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    quit.sa_handler = reseau_on_quit;
    sigemptyset(&quit.sa_mask);
    quit.sa_flags = 0;
    sigaction(SIGINT, &quit, NULL);
    sigaction(SIGTERM, &quit, NULL);
    sigaction(SIGHUP, &quit, NULL);
    int others[] = { SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE };
    for (unsigned i = 0; i < sizeof others / sizeof others[0]; i++) sigaction(others[i], &quit, NULL);
    int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
        struct sigaction crash;
        memset(&crash, 0, sizeof crash);
        crash.sa_handler = reseau_on_crash;
        sigemptyset(&crash.sa_mask);
        crash.sa_flags = SA_RESETHAND;
        sigaction(crashes[i], &crash, NULL);
    }
}
static inline int reseau_quit_signal(void) { return *reseau_quit_flag(); }

/* One cell: a wide character string with attributes and a colour pair. */
static inline int reseau_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/* `cells` cells of one look from (y, x) on: `text` holds each cell's characters followed by
   a 0; an empty entry (a lone 0) leaves its cell alone (a wide character's second half).
   One call per run of cells instead of one per cell. */
static inline void reseau_put_run(int y, int x, const wchar_t *text, int cells, attr_t attrs, short pair) {
    for (int i = 0; i < cells; i++) {
        if (*text != 0) {
            cchar_t cell;
            if (setcchar(&cell, text, attrs, pair, NULL) == OK) mvadd_wch(y, x + i, &cell);
            while (*text != 0) text++;
        }
        text++;
    }
}
#endif
