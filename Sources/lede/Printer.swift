import Foundation
import LedeCore
import LedeStore

/// Plain-text output of the commands (the JSON lives in ArticleJSON).
enum Printer {
    static func rows(_ rows: [ArticleRow]) {
        for row in rows {
            let date = Output.date(row.published).padding(toLength: 10, withPad: " ", startingAt: 0)
            Output.line("\(String(row.id).leftPadded(5))  \(date)  \(TextSanitizer.singleLine(row.title))")
        }
    }

    static func article(title: String, byline: String?, source: String, published: Date?, bullets: [Bullet],
                        entities: [(String, EntityKind, Int)], body: String) {
        Output.line(TextSanitizer.singleLine(title))
        let meta = [byline, source, published.map { Output.date($0) }].compactMap { $0 }.filter { !$0.isEmpty }
        Output.line(TextSanitizer.singleLine(meta.joined(separator: " · ")))
        Output.line()
        for bullet in bullets { Output.line("• " + TextSanitizer.singleLine(bullet.text)) }
        if !entities.isEmpty {
            Output.line()
            Output.line("People & organizations: " + entities.map { "\(TextSanitizer.singleLine($0.0)) (\($0.2))" }.joined(separator: ", "))
        }
        Output.line()
        Output.line(Output.safe(body))
    }

    static func markdown(_ article: StoredArticle) -> String {
        let row = article.row
        var text = "# \(TextSanitizer.singleLine(row.title))\n\n"
        let meta = [row.byline, row.source, row.published.map { Output.date($0) }].compactMap { $0 }.filter { !$0.isEmpty }
        text += "_\(TextSanitizer.singleLine(meta.joined(separator: " · ")))_\n\n"
        for bullet in article.bullets { text += "- \(TextSanitizer.singleLine(bullet.text))\n" }
        let names = article.entities.map { TextSanitizer.singleLine($0.name) }
        if !names.isEmpty { text += "\nPeople & organizations: \(names.joined(separator: ", "))\n" }
        return text + "\n"
    }
}
