// The LedeStore module: the SQLite library file.
