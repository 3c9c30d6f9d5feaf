#define NCURSES_WIDECHAR 1          /* declare get_wch, waddnwstr, cchar_t */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* C globals are shared mutable state to Swift 6 and macros are not imported,
   so the few the backend needs are re-exported as functions. */
static inline WINDOW *lede_stdscr(void) { return stdscr; }
static inline int lede_lines(void) { return LINES; }
static inline int lede_cols(void) { return COLS; }
static inline int lede_colors(void) { return COLORS; }
static inline int lede_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t lede_a_bold(void) { return A_BOLD; }
static inline attr_t lede_a_reverse(void) { return A_REVERSE; }
static inline attr_t lede_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lede_a_dim(void) { return A_DIM; }
static inline attr_t lede_a_italic(void) { return A_ITALIC; }
static inline attr_t lede_a_normal(void) { return A_NORMAL; }

/* COLOR_PAIR is a macro; wattr_set takes the pair as a short plus, for pairs
   above 32767 with extended colours, an int through its opts pointer. */
static inline attr_t lede_color_pair(int n) { return COLOR_PAIR(n); }
static inline int lede_attr_set(WINDOW *win, attr_t attrs, int pair) {
  return wattr_set(win, attrs, (short)(pair < 32767 ? pair : 0), &pair);
}
static inline int lede_getmaxx(WINDOW *win) { return getmaxx(win); }
static inline int lede_getmaxy(WINDOW *win) { return getmaxy(win); }
