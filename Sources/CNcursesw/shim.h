#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Must precede curses.h: enables cchar_t, wint_t and the wide-character API. */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>

/* glibc declares these only under __USE_XOPEN; Swift's Glibc module lacks them. */
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

/* Attribute macros are shift expressions Swift does not import. */
static const attr_t CN_A_NORMAL    = A_NORMAL;
static const attr_t CN_A_BOLD      = A_BOLD;
static const attr_t CN_A_REVERSE   = A_REVERSE;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const attr_t CN_A_DIM       = A_DIM;
static const attr_t CN_A_STANDOUT  = A_STANDOUT;
static const attr_t CN_A_ITALIC    = A_ITALIC;

static inline void cn_getmaxyx(const WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }

/* C globals are rejected in Swift 6 mode. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

#include <term.h>   /* keep last: term.h #defines many lowercase names */
static inline TERMINAL *cn_cur_term(void) { return cur_term; }
#endif
