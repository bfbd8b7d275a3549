import CNcursesw

/// Every ncurses call litcoder makes goes through this file.
enum Curses {}
