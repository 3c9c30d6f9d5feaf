import Foundation
import LedeStore
import LedeTUI

/// Keystroke to repainted frame: the reducer, the store reads it asks for, and rendering into
/// the cell buffer, as the reader does per key (the curses diff of that buffer is not included).
enum KeystrokeBench {
    static func measure(library: Library, articles: Int) -> [Row] {
        let runtime = Runtime(state: AppState(cols: 120, rows: 40), library: library)
        runtime.start()
        _ = render(runtime.state)
        // A reading session: down the list, page down, open and read, full text, back to the top.
        let keys: [Key] = Array(repeating: .char("j"), count: 60) + Array(repeating: .pageDown, count: 20)
            + [.enter, .char("f"), .char("j"), .char("j"), .char("f"), .escape, .char("G"), .char("g")]
            + Array(repeating: .char("k"), count: 20)
        var times: [Double] = []
        for key in keys {
            times.append(seconds {
                runtime.send(.key(key))
                _ = render(runtime.state)
            })
        }
        let sorted = times.sorted()
        let p95 = sorted[min(sorted.count - 1, sorted.count * 95 / 100)]
        return [Row(what: "reader keystroke to repainted frame (reduce + store + render, 120×40), \(articles) articles (median / 95th percentile)",
                    figure: String(format: "%.2f ms / %.2f ms", median(times) * 1000, p95 * 1000), target: "≤ 16 ms")]
    }
}
