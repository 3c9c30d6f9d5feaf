import Foundation

/// Chooses the bullet points of an article.
public struct Summarizer: Sendable {
    public var maximumBullets: Int

    public init(maximumBullets: Int = 5) {
        self.maximumBullets = maximumBullets
    }

    public func bullets(for document: ParsedDocument, sentences: [TextSpan], entities: [DocumentEntity],
                        terms: any TermStatistics) -> [Bullet] {
        var bullets = document.keyPoints.map { Bullet(text: $0) }
        let scalars = Array(document.body.unicodeScalars)
        let target = sentences.count > 25 ? maximumBullets : min(3, maximumBullets)
        for span in sentences where bullets.count < max(target, bullets.count) {
            let text = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
            if text.count > 40 { bullets.append(Bullet(text: text)) }
        }
        return bullets
    }
}
