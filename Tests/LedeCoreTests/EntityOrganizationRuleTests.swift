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

    @Test("a name right after a lower-case noun for a kind of organization is that organization")
    func nameAfterOrganizationNoun() {
        // UNER PUD and GMB (held-out parts)
        let band = recognize("""
            In June 2012, the Icelandic band Sigur Rós released a video for the song "Fjögur Píanó", starring LaBeouf, in which he appears nude.
            """)
        #expect(entity(band, "Sigur Rós")?.kind == .organization)
        let agency = recognize("""
            British relief agency Tearfund said food, clean water, clothing, bedding and shelter are the most pressing needs for the victims in Andhra Pradesh and Karnataka states.
            """)
        #expect(entity(agency, "Tearfund")?.kind == .organization)
    }

    @Test("a person's name that begins inside a known place's name is no one")
    func personInsidePlace() {
        // GMB (held-out part); wikinews: "the Los Angeles Sheriff's office"
        let r = recognize("In Saudi Arabia Sunday, thousands gathered in Mecca for special early morning prayers marking the end of Ramadan.")
        #expect(!r.entities.contains { $0.kind == .person && $0.name.hasPrefix("Arabia") })
        let sheriff = recognize("""
            According to Rathbun, a detective for the Los Angeles Sheriff's office was provided with material from Scientology to build a case against Montalvo.
            """)
        #expect(!sheriff.entities.contains { $0.kind == .person && $0.name.hasPrefix("Angeles") })
    }

    @Test("an organization's name goes on through '&' and the capitalized words after it, not after an acronym")
    func ampersandInsideName() {
        // wikinews (homeopathy-parents-prosecuted)
        let r = recognize("""
            Articles in peer-reviewed academic journals including Social Science & Medicine have characterized homeopathy as a form of quackery.
            """)
        #expect(entity(r, "Social Science & Medicine")?.kind == .organization)
        // wikigold (held-out part): two names listed with "&" after an acronym stay apart.
        let listed = recognize("His events have been featured on Deco Drive's Party Patrol on FOX 7, Telemundo, Univision, MUN2, A3, MTV & Wild on E!, to name a few.")
        #expect(!listed.entities.contains { $0.name.hasPrefix("MTV &") })
    }

    @Test("an acronym or a known place before a possessive owns the institution named after it")
    func ownerBeforeInstitution() {
        // GMB (held-out part)
        let r = recognize("""
            Astronomers at the U.S. space agency NASA's Near-Earth Object Office are tracking the object and say it may pass within 48,000 kilometers of Mars by January 30.
            """)
        #expect(entity(r, "Near-Earth Object Office")?.kind == .organization)
        #expect(entity(r, "NASA")?.kind == .organization)
        let cuba = recognize("A spokesman for Cuba's Ministry of Foreign Relations declined to comment.")
        #expect(entity(cuba, "Ministry of Foreign Relations")?.kind == .organization)
    }
}
