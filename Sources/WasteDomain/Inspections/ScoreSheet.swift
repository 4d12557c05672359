import JSON

/// The scores of one inspection checked against its rubric: every item scored exactly once,
/// each from 0 to the item's maximum with at most one decimal. The total is their exact sum.
public struct ScoreSheet: Sendable, Equatable {
    /// One item's score as the client sent it, in order.
    public struct Entry: Sendable, Equatable {
        public let code: String
        public let score: JSONNumber

        public init(code: String, score: JSONNumber) {
            self.code = code
            self.score = score
        }
    }

    /// A valid item score.
    public struct Score: Sendable, Equatable {
        public let code: String
        public let points: Points

        public init(code: String, points: Points) {
            self.code = code
            self.points = points
        }
    }

    /// A problem with one entry (`index` into the entries) or with the sheet as a whole.
    public enum Problem: Sendable, Equatable {
        case unknownItem(index: Int, code: String)
        case duplicateItem(index: Int, code: String)
        case tooManyDecimals(index: Int, code: String)
        case outOfRange(index: Int, code: String, max: Points)
        /// Rubric items with no score, in rubric order.
        case missingItems([String])
    }

    public let scores: [Score]
    public let total: Points

    /// A sheet of scores checked before (as stored); the total is their sum.
    public init(checked scores: [Score]) {
        self.scores = scores
        total = scores.reduce(.zero) { $0 + $1.points }
    }

    /// The outcome of checking entries: a sheet, or every problem at once.
    public enum Evaluation: Sendable, Equatable {
        case valid(ScoreSheet)
        case invalid([Problem])
    }

    /// The checked sheet, or every problem at once.
    public static func evaluate(_ entries: [Entry], against rubric: Rubric) -> Evaluation {
        var problems: [Problem] = []
        var seen = Set<String>()
        var scores: [Score] = []
        for (index, entry) in entries.enumerated() {
            guard let item = rubric.item(entry.code) else {
                problems.append(.unknownItem(index: index, code: entry.code))
                continue
            }
            guard seen.insert(entry.code).inserted else {
                problems.append(.duplicateItem(index: index, code: entry.code))
                continue
            }
            switch Points.read(entry.score) {
            case .failure(.tooManyDecimals):
                problems.append(.tooManyDecimals(index: index, code: entry.code))
            case .failure(.tooLarge):
                problems.append(.outOfRange(index: index, code: entry.code, max: item.maxPoints))
            case .success(let points) where points < .zero || points > item.maxPoints:
                problems.append(.outOfRange(index: index, code: entry.code, max: item.maxPoints))
            case .success(let points):
                scores.append(Score(code: entry.code, points: points))
            }
        }
        let missing = rubric.items.map(\.code).filter { !seen.contains($0) }
        if !missing.isEmpty { problems.append(.missingItems(missing)) }
        guard problems.isEmpty else { return .invalid(problems) }
        let ordered = rubric.items.compactMap { item in scores.first { $0.code == item.code } }
        return .valid(ScoreSheet(checked: ordered))
    }

    /// The sum of the scores within one rubric section.
    public func total(of section: String, in rubric: Rubric) -> Points {
        let codes = Set(rubric.items(in: section).map(\.code))
        return scores.filter { codes.contains($0.code) }.reduce(.zero) { $0 + $1.points }
    }
}
