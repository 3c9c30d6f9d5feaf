import Foundation
import LedeCore
import LedeStore

/// Opens the reader on a library.
enum Reader {
    static func open(library: Library, options: GlobalOptions, about: String?) throws {
        if let about {
            Output.line(about)
            Output.line("Sample library: \(library.path)")
            Output.line()
        }
        let rows = try library.articles(offset: 0, limit: 50)
        if rows.isEmpty {
            Output.line("The library is empty. Add articles with `lede add PATH`.")
        } else {
            Printer.rows(rows)
        }
    }
}
