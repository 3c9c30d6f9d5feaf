import Foundation
import Testing
@testable import LedeCore

/// Sentences from the held-out sets (UNER PUD, GMB) whose persons' names end in a regnal number
/// or an epithet the tagger leaves out.
@Suite("Entity recognizer rules for the shape of a person's name")
struct EntityPersonNameRuleTests {
    @Test("a Roman numeral after a ruler's name is part of the person's name")
    func regnalNumber() {
        // UNER PUD (held-out part)
        let r = recognize("""
            Their first king was Mojmír I (ruled 830–846).
            The Egyptian pharaoh thus found himself in northern Amurru, well past Kadesh, in Tunip, where no Egyptian soldier had been seen since the time of Thutmose III almost 120 years earlier.
            """)
        #expect(entity(r, "Mojmír I")?.kind == .person)
        #expect(entity(r, "Thutmose III")?.kind == .person)
    }

    @Test("a Roman numeral after a common word names no person")
    func numberedWarIsNoPerson() {
        // GMB
        let r = recognize("""
            The Srebrenica killings are considered the worst European massacre since World War II.
            Poland regained its independence in 1918 only to be overrun by Germany and the Soviet Union in World War II.
            """)
        #expect(!r.entities.contains { $0.kind == .person })
    }

    @Test("'the' and an epithet after a person's name are part of the name")
    func epithet() {
        // UNER PUD (held-out part)
        let cranach = recognize("The two paintings by Lucas Cranach the Elder on display are especially eye-catching.")
        #expect(entity(cranach, "Lucas Cranach the Elder")?.kind == .person)
        let louis = recognize("Louis the German invaded Moravia and replaced Mojmír I with his nephew Rastiz who became St. Rastislav.")
        #expect(entity(louis, "Louis the German")?.kind == .person)
        #expect(entity(louis, "Mojmír I")?.kind == .person)
    }

}
