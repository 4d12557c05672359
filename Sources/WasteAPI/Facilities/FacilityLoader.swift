import JSON
import Storage
import WasteDomain

/// Loads institutions and the facilities they had at the end of a day, for many institutions
/// in four queries (institutions, points, rooms, contracts), never one query per institution.
struct FacilitySnapshot: Sendable {
    struct Institution: Sendable {
        var profile: FacilityInstitution
        var code: String
        var name: String
    }

    var institutions: [Institution] = []
    var points: [Int64: [CollectionPoint]] = [:]
    var rooms: [Int64: [StorageRoom]] = [:]
    var contracts: [Int64: [HaulerContract]] = [:]

    /// Evaluates every loaded institution, in id order.
    func evaluate(standard: FacilityStandard, categoriesInForce: [WasteCategory], asOf: CalendarDate)
        -> [(Institution, ComplianceResult)] {
        institutions.map { institution in
            let id = institution.profile.id
            return (institution, FacilityCompliance.evaluate(
                institution: institution.profile, points: points[id] ?? [], rooms: rooms[id] ?? [],
                contracts: contracts[id] ?? [], standard: standard, categoriesInForce: categoriesInForce, asOf: asOf))
        }
    }
}

enum FacilityLoader {
    /// Which institutions to load.
    enum Selection {
        case one(Int64)
        /// Active institutions with ids after `afterID`, at most `limit` (nil: all).
        case active(afterID: Int64, limit: Int?)

        static let everyActive = Selection.active(afterID: 0, limit: nil)

        var isEveryActive: Bool {
            if case .active(0, nil) = self { return true }
            return false
        }
    }

    /// Loads the selected institutions and their facilities as they stood at the end of `asOf`.
    static func load(_ db: Connection, _ selection: Selection, asOf: CalendarDate, utcOffsetMinutes offset: Int) throws -> FacilitySnapshot {
        var snapshot = FacilitySnapshot()
        snapshot.institutions = try institutions(db, selection)
        guard let first = snapshot.institutions.first?.profile.id, let last = snapshot.institutions.last?.profile.id else {
            return snapshot
        }
        let end = DistrictDay.end(of: asOf, utcOffsetMinutes: offset)
        var live = "WHERE created_at < ? AND (deleted_at IS NULL OR deleted_at >= ?)"
        var arguments: [any SQLValueConvertible] = [end, end]
        // Every institution: a scan in rowid order beats one index lookup per row.
        if !selection.isEveryActive {
            live += " AND institution_id BETWEEN ? AND ?"
            arguments += [first, last]
        }
        live += " ORDER BY id"
        let wanted = Set(snapshot.institutions.map(\.profile.id))
        try db.forEachRow("SELECT id, institution_id, location, kind, floor, signage_ok, created_at, deleted_at, \(binCountColumns) "
                          + "FROM collection_points \(live)", arguments) { row in
            let institution = try row.int64(1)
            guard wanted.contains(institution) else { return }
            snapshot.points[institution, default: []].append(try point(row, offset))
        }
        try db.forEachRow("SELECT id, institution_id, location, categories, sealed, ventilated, signage_ok, created_at, "
                          + "deleted_at FROM storage_rooms \(live)", arguments) { row in
            let institution = try row.int64(1)
            guard wanted.contains(institution) else { return }
            snapshot.rooms[institution, default: []].append(try room(row, offset))
        }
        try db.forEachRow("SELECT id, institution_id, category, hauler, valid_from, valid_to, created_at, deleted_at "
                          + "FROM hauler_contracts \(live)", arguments) { row in
            let institution = try row.int64(1)
            guard wanted.contains(institution), let contract = try contract(row, offset) else { return }
            snapshot.contracts[institution, default: []].append(contract)
        }
        return snapshot
    }

    private static func institutions(_ db: Connection, _ selection: Selection) throws -> [FacilitySnapshot.Institution] {
        let columns = "id, code, name, headcount, floors, has_canteen"
        let sql: String
        let arguments: [any SQLValueConvertible]
        switch selection {
        case .one(let id):
            (sql, arguments) = ("SELECT \(columns) FROM institutions WHERE id = ?", [id])
        case .active(let afterID, let limit):
            (sql, arguments) = ("SELECT \(columns) FROM institutions WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?",
                                [afterID, limit ?? -1])
        }
        var institutions: [FacilitySnapshot.Institution] = []
        try db.forEachRow(sql, arguments) { row in
            institutions.append(FacilitySnapshot.Institution(
                profile: FacilityInstitution(id: try row.int64(0), headcount: try row.int(3), floors: try row.int(4),
                                             hasCanteen: try row.bool(5)),
                code: try row.string(1), name: try row.string(2)))
        }
        return institutions
    }

    /// Created and deleted instants (columns `at`, `at + 1`) as district days.
    private static func lifespan(_ row: borrowing RowCursor, at index: Int, _ offset: Int) throws -> Lifespan {
        let created = try row.withUTF8(index, Timestamp.init(utf8:))?.date(utcOffsetMinutes: offset)
        let deleted = row.isNull(index + 1) ? nil : try row.withUTF8(index + 1, Timestamp.init(utf8:))?.date(utcOffsetMinutes: offset)
        guard let created else { throw StoredValueError(column: "created_at") }
        return Lifespan(createdOn: created, deletedOn: deleted)
    }

    private static func point(_ row: borrowing RowCursor, _ offset: Int) throws -> CollectionPoint {
        CollectionPoint(id: try row.int64(0), location: try row.string(2),
                        kind: try StoredValues.enumeration(try row.string(3), column: "kind"), floor: try row.optionalInt(4),
                        bins: try binCounts(row, from: 8), signageOK: try row.bool(5), lifespan: try lifespan(row, at: 6, offset))
    }

    /// Rules need only bin counts, kept beside the `bins` document by triggers (Migrations/0008).
    private static let binCountColumns = WasteCategory.allCases.map { "\($0.rawValue)_bins" }.joined(separator: ", ")

    private static func binCounts(_ row: borrowing RowCursor, from first: Int) throws -> [WasteCategory: BinSpec] {
        var bins: [WasteCategory: BinSpec] = [:]
        for (offset, category) in WasteCategory.allCases.enumerated() {
            if let count = try row.optionalInt(first + offset) { bins[category] = BinSpec(count: count) }
        }
        return bins
    }

    private static func room(_ row: borrowing RowCursor, _ offset: Int) throws -> StorageRoom {
        StorageRoom(id: try row.int64(0), location: try row.string(2),
                    categories: Set(try FacilityCategories.parse(try row.string(3), column: "categories")), sealed: try row.bool(4),
                    ventilated: try row.bool(5), signageOK: try row.bool(6), lifespan: try lifespan(row, at: 7, offset))
    }

    private static func contract(_ row: borrowing RowCursor, _ offset: Int) throws -> HaulerContract? {
        let category: WasteCategory = try StoredValues.enumeration(try row.string(2), column: "category")
        guard let from = try row.withUTF8(4, CalendarDate.init(utf8:)),
              let to = try row.withUTF8(5, CalendarDate.init(utf8:)) else { throw StoredValueError(column: "valid_from") }
        return HaulerContract(id: try row.int64(0), category: category, hauler: try row.string(3),
                              validFrom: from, validTo: to, lifespan: try lifespan(row, at: 6, offset))
    }
}
