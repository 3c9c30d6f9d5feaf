/// What the runtime needs from a terminal; curses in production, a buffer in tests.
public protocol TerminalBackend: AnyObject {
  var size: (cols: Int, rows: Int) { get }
  func draw(_ buffer: CellBuffer)
  /// The next key, or `.tick` when nothing arrived within the input timeout.
  func readKey() -> Key
  /// Gives the terminal back to the shell while `body` runs (an external browser).
  func suspend<T>(_ body: () throws -> T) rethrows -> T
  func close()
}
