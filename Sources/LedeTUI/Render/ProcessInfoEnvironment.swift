import Foundation

/// The few environment values rendering reads, in one place.
enum ProcessInfoEnvironment {
  static var home: String? { ProcessInfo.processInfo.environment["HOME"] }
}
