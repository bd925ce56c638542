package org.larch.benchmarks.ldif;

import java.util.List;

/**
 * The fixed word lists the generated people are drawn from. Changing a list changes every generated
 * file (and {@code PersonLdifGeneratorTest}'s pinned digest), which makes old and new benchmark
 * figures incomparable: append a new list rather than edit one.
 */
final class Vocabulary {
    static final List<Name> GIVEN_NAMES = List.of(
            Name.of("James"), Name.of("Mary"), Name.of("John"), Name.of("Patricia"), Name.of("Robert"),
            Name.of("Jennifer"), Name.of("Michael"), Name.of("Linda"), Name.of("William"), Name.of("Elizabeth"),
            Name.of("David"), Name.of("Barbara"), Name.of("Richard"), Name.of("Susan"), Name.of("Joseph"),
            Name.of("Jessica"), Name.of("Thomas"), Name.of("Sarah"), Name.of("Daniel"), Name.of("Karen"),
            Name.of("Anna"), Name.of("Lukas"), Name.of("Mia"), Name.of("Noah"), Name.of("Sofia"),
            Name.of("Mateo"), Name.of("Yuki"), Name.of("Hiroshi"), Name.of("Priya"), Name.of("Arjun"),
            Name.of("Olga"), Name.of("Ivan"), Name.of("Fatima"), Name.of("Omar"), Name.of("Ingrid"),
            new Name("José", "jose"), new Name("Zoë", "zoe"), new Name("Jürgen", "juergen"),
            new Name("Søren", "soeren"), new Name("Chloé", "chloe"));

    static final List<Name> SURNAMES = List.of(
            Name.of("Smith"), Name.of("Johnson"), Name.of("Williams"), Name.of("Brown"), Name.of("Jones"),
            Name.of("Miller"), Name.of("Davis"), Name.of("Wilson"), Name.of("Anderson"), Name.of("Taylor"),
            Name.of("Moore"), Name.of("Jackson"), Name.of("Martin"), Name.of("Lee"), Name.of("Thompson"),
            Name.of("White"), Name.of("Harris"), Name.of("Clark"), Name.of("Lewis"), Name.of("Walker"),
            Name.of("Schmidt"), Name.of("Fischer"), Name.of("Weber"), Name.of("Rossi"), Name.of("Russo"),
            Name.of("Tanaka"), Name.of("Suzuki"), Name.of("Kumar"), Name.of("Singh"), Name.of("Ivanov"),
            Name.of("Nowak"), Name.of("Kowalski"), Name.of("Dubois"), Name.of("Laurent"), Name.of("Jansen"),
            new Name("Müller", "mueller"), new Name("García", "garcia"), new Name("Núñez", "nunez"),
            new Name("Dvořák", "dvorak"), new Name("Ødegård", "oedegaard"));

    /** The departments: one {@code ou} below {@code ou=people} each, and the people's {@code ou} value. */
    static final List<String> DEPARTMENTS = List.of(
            "Sales", "Engineering", "Support", "Finance", "Research",
            "Marketing", "Legal", "Operations", "Human Resources", "Purchasing");

    /** The sites: one {@code ou} below each department, and the people's {@code l} value. */
    static final List<String> SITES = List.of(
            "Berlin", "Boston", "London", "Madrid", "Oslo", "Paris", "Prague", "Sydney", "Tokyo", "Toronto");

    static final List<String> TITLES = List.of(
            "Engineer", "Senior Engineer", "Manager", "Director", "Analyst", "Consultant", "Architect",
            "Administrator", "Accountant", "Specialist", "Technician", "Coordinator", "Assistant");

    static final List<String> WORDS = List.of(
            "alpha", "blue", "coffee", "delta", "east", "forest", "garden", "harbor", "island", "jazz",
            "kite", "lemon", "mountain", "night", "ocean", "pepper", "quartz", "river", "stone", "tiger",
            "urban", "violet", "willow", "xenon", "yellow", "zebra");

    private Vocabulary() {
    }
}
