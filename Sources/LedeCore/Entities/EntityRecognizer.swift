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
///
/// A hashed-feature averaged-perceptron tagger (trained by `lede-train-ner`, weights in
/// `Resources/ner`) proposes spans sentence by sentence; document-level rules then vote on each
/// name's kind, find the name's other occurrences (surnames, possessives, hyphen compounds,
/// all-capitals headlines), group aliases under the fullest form, and link entities named in
/// the same sentence.
public final class EntityRecognizer: Sendable {
    public static let shared = EntityRecognizer()

    let model: NERModel?
    let lexicon: NERLexicon

    public convenience init() {
        self.init(directory: Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("ner"))
    }

    /// Loads `model.bin` and `lexicon.txt` from `dir` (the trainer's output folder).
    package convenience init(directory dir: URL?) {
        let model = dir.flatMap { try? Data(contentsOf: $0.appendingPathComponent("model.bin")) }.flatMap(NERModel.init(data:))
        let lexText = dir.flatMap { try? String(contentsOf: $0.appendingPathComponent("lexicon.txt"), encoding: .utf8) }
        self.init(model: model, lexicon: NERLexicon(fileText: lexText))
    }

    package init(model: NERModel?, lexicon: NERLexicon) {
        self.model = model
        self.lexicon = lexicon
    }

    /// Whether trained weights were found; without them only lexicon rules run.
    public var hasModel: Bool { model != nil }

    public func recognize(body: String, sentences: [TextSpan], byline: String?) -> RecognitionResult {
        var doc = NERDocument(body: body, sentences: sentences, byline: byline, lexicon: lexicon)
        doc.tag(model: model)
        doc.resolve()
        return doc.result()
    }
}
