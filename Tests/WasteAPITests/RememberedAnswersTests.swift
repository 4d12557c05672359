import Foundation
import JSON
import Storage
import Testing
@testable import WasteAPI

/// The remembered rankings and overviews are bounded in bytes (a huge district's ranking is
/// megabytes), forgetting the least recently used first.
@Suite struct RememberedAnswersTests {
    struct Blob: SizedAnswer {
        let bytes: Int
        var byteCount: Int { bytes }
    }

    let directory: URL
    let pool: DatabasePool
    let today = CalendarDate(year: 2026, month: 11, day: 20)!

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("remembered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pool = try DatabasePool(path: directory.appendingPathComponent("db.sqlite").path)
    }

    @Test func pastTheBoundTheLeastRecentlyUsedAnswerIsForgotten() {
        let answers = RememberedAnswers<Blob>(database: pool, tables: ["t"], maxBytes: 1000)
        let generation = answers.generation
        answers.remember(Blob(bytes: 400), for: "a", today: today, generation: generation)
        answers.remember(Blob(bytes: 400), for: "b", today: today, generation: generation)
        #expect(answers.answer(for: "a", today: today) != nil)  // a is now the more recent
        answers.remember(Blob(bytes: 400), for: "c", today: today, generation: generation)
        #expect(answers.answer(for: "a", today: today) != nil)
        #expect(answers.answer(for: "b", today: today) == nil)
        #expect(answers.answer(for: "c", today: today) != nil)
        #expect(answers.rememberedBytes <= 1000)
    }

    @Test func anAnswerLargerThanTheBoundIsNotRememberedAndReplacingOneFreesItsBytes() {
        let answers = RememberedAnswers<Blob>(database: pool, tables: ["t"], maxBytes: 1000)
        let generation = answers.generation
        answers.remember(Blob(bytes: 5000), for: "huge", today: today, generation: generation)
        #expect(answers.answer(for: "huge", today: today) == nil)
        #expect(answers.rememberedBytes == 0)
        for size in [900, 100, 700] {
            answers.remember(Blob(bytes: size), for: "same", today: today, generation: generation)
        }
        #expect(answers.rememberedBytes == 700 + "same".utf8.count)
    }

    @Test func manyLargeAnswersStayWithinTheBound() {
        let answers = RememberedAnswers<Blob>(database: pool, tables: ["t"], maxBytes: 10 << 20)
        let generation = answers.generation
        for period in 0..<50 {
            answers.remember(Blob(bytes: 3 << 20), for: "period-\(period)", today: today, generation: generation)
            #expect(answers.rememberedBytes <= 10 << 20)
        }
        #expect(answers.answer(for: "period-49", today: today) != nil)
    }
}
