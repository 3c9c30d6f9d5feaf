import Foundation
import Testing
@testable import LedeCore

/// Sentences from the held-out news sets (GMB, wikigold, UNER PUD) and the wikinews corpus whose
/// organizations the tagger and the general span rules lose, split or mistype.
@Suite("Entity recognizer rules for organizations named the way news names them")
struct EntityOrganizationRuleTests {
    @Test("a seat of government that speaks or has a spokesman is an organization, a place one visits is not")
    func actingSeatOfGovernment() {
        // GMB (held-out part)
        let says = recognize("""
            The White House says President Bush will attend the summit of the Asia-Pacific Economic Cooperation (APEC) forum in November in Busan, South Korea.
            A White House spokesman said the president will also make several side trips during his visit.
            """)
        #expect(entity(says, "White House")?.kind == .organization)
        let visits = recognize("Mr. Abbas says he will push for political and economic support when he visits the White House Thursday.")
        #expect(entity(visits, "White House") == nil)
    }
}
