import Foundation

public struct RecognitionResult: Sendable {
    public var entities: [DocumentEntity]
    public var links: [EntityLinkEvidence]

    public init(entities: [DocumentEntity] = [], links: [EntityLinkEvidence] = []) {
        self.entities = entities
        self.links = links
    }
}

/// Finds the people and organizations named in an article body.
public final class EntityRecognizer: Sendable {
    public static let shared = EntityRecognizer()

    public init() {}

    public func recognize(body: String, sentences: [TextSpan], byline: String?) -> RecognitionResult {
        RecognitionResult()
    }
}
