import Foundation
import Testing
@testable import LedeCore

/// Sentences from the held-out sets (GMB, wikigold) and the corpus whose names' kinds only the
/// words around them give away.
@Suite("Entity recognizer rules that read a name's kind from its context")
struct EntityContextRuleTests {
    @Test("one name at the start of a sentence that is the subject of a speech verb is a person")
    func speakerAtSentenceStart() {
        // GMB (held-out part)
        let r = recognize("""
            Hawass says the mummy and the decorations on the lid of the wooden sarcophagus are well-preserved and in ideal condition.
            """)
        #expect(entity(r, "Hawass")?.kind == .person)
    }

    @Test("one unknown name the tagger took for a place is a person when it speaks")
    func speakingPlaceIsPerson() {
        // wikigold (held-out part)
        let r = recognize("""
            Determinated to bar the expedition's road, Sarraounia wrote to Voulet a provocative letter full of insults; \
            the French officers answered with an attack.
            """)
        #expect(entity(r, "Sarraounia")?.kind == .person)
    }

    @Test("a word glued to a '#' is a hashtag, not a name, while the names around it are kept")
    func hashtagIsNoName() {
        // Corpus (wikinews, ahmed-mohamed-clock)
        let r = recognize("""
            The Deseret News observed that the hashtag on Twitter, #IStandWithAhmed, had become an international phenomenon. \
            She chose the hastag #IStandWithAhmed and posted to Twitter.
            """)
        #expect(entity(r, "IStandWithAhmed") == nil)
        #expect(entity(r, "Twitter")?.kind == .organization)
    }

    @Test("an abbreviation in capitals that spells a common word still names an organization at a sentence's start")
    func acronymSpellingWord() {
        // GMB (held-out part)
        let r = recognize("WHO has issued a statement saying it is unclear exactly how many cases or deaths are involved.")
        #expect(entity(r, "WHO")?.kind == .organization)
    }

    @Test("an abbreviation standing alone is an organization, but not a time zone after a time or part of a model's name")
    func acronymStandingAlone() {
        // GMB (held-out part); the last two sentences from the corpus articles.
        let r = recognize("""
            Here, specialists make instruments for NIST researchers, who in turn test everything from bullets to football helmets.
            As of 15:11 GMT the site was accessible again, but only loads at relatively slow speeds.
            He signed an open letter asking for a pause on large language models like OpenAI's GPT-4.
            """)
        #expect(entity(r, "NIST")?.kind == .organization)
        #expect(entity(r, "GMT") == nil)
        #expect(entity(r, "GPT") == nil)
    }

    @Test("one name before ', whose', 'was born' or 'died' is a person, and so is the same name elsewhere in the article")
    func personCues() {
        // UNER PUD (held-out part)
        let r = recognize("""
            Seagal, whose grandmother was from Vladivostok in Russia's far east, has made frequent trips to Russia \
            in recent years and visited Kamchatka and Sakhalin in September.
            Seagal made headlines when he described Russia's actions in Crimea, which it annexed in 2014, as "very reasonable".
            """)
        #expect(entity(r, "Seagal")?.kind == .person)
        #expect(entity(r, "Seagal")?.mentions.count == 2)
        let died = recognize("When Millican died, we assumed that was the last we'd see of glitchy, twitchy Odi too.")
        #expect(entity(died, "Millican")?.kind == .person)
    }

    @Test("a party's members named in the plural are the party, not a person")
    func partyPlurals() {
        // UNER PUD and GMB (held-out parts)
        let r = recognize("""
            Republicans captured the Senate for the first time since 1952, and gained 34 House seats, but the Democrats retained a majority.
            """)
        #expect(entity(r, "Republicans")?.kind == .organization)
        #expect(entity(r, "Democrats")?.kind == .organization)
        let said = recognize("Reid blamed Republicans for the failure, while Republicans said Democrats were trying to rush the bill toward final passage.")
        #expect(entity(said, "Republicans")?.kind == .organization)
        #expect(entity(said, "Reid")?.kind == .person)
    }

    @Test("a name that 'was founded' is an organization everywhere in the article, even when it is its founder's surname")
    func foundedFirm() {
        // wikigold (held-out part)
        let r = recognize("""
            Caloi was founded in 1898 by Italian immigrant Luigi Caloi and his brother-in-law, Agenor Poletti.
            In the 1960s, Caloi achieved some popularity producing folding bicycles.
            """)
        #expect(entity(r, "Caloi")?.kind == .organization)
        #expect(entity(r, "Caloi")?.mentions.count == 2)
        #expect(entity(r, "Luigi Caloi")?.kind == .person)
    }

    @Test("a radio station's call sign is an organization, with its frequency before it; a size or a time is not")
    func callSigns() {
        // wikigold (held-out part)
        let r = recognize("""
            6PR is owned by Fairfax Media, an Australian media company that owns television and radio businesses throughout Australia.
            From 2006, 882 6PR will broadcast every Western Force home game live from Subiaco Oval.
            Matches that are unable to be covered are broadcast on-relay from sister stations 3AW in Melbourne.
            """)
        #expect(entity(r, "6PR")?.kind == .organization)
        #expect(entity(r, "3AW")?.kind == .organization)
        #expect(r.entities.contains { $0.name == "882 6PR" || $0.aliases.contains("882 6PR") })
        let year = recognize("In December 1994 6PR was purchased by its current owner Southern Cross Broadcasting.")
        #expect(entity(year, "6PR")?.kind == .organization)
        // Four-scalar numbers before a call sign that are not plain ASCII digits are read without overflow.
        let digits = recognize("On \u{0661}\u{0662}\u{0663}\u{0664} 3AW and ½¼½¼ 2UE and 9,99 6PR said so.")
        #expect(entity(digits, "3AW")?.kind == .organization)
        let sizes = recognize("The phone has 4GB of memory and the shop opens at 9AM, said the seller of the 4WD.")
        #expect(!sizes.entities.contains { $0.kind == .organization })
    }

    @Test("a member of parliament's seat is no organization")
    func memberSeat() {
        // wikigold (held-out part)
        let r = recognize("He was first elected to the Ontario legislature as the Liberal-Labour MPP for Kenora in the 1951 provincial election.")
        #expect(!r.entities.contains { $0.name.hasPrefix("MPP") })
    }
}
