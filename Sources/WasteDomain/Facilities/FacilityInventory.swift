import CalendarDates

/// The days a stored facility record existed: from the day it was created to the day it was
/// deleted. Compliance "as of D" looks at the end of day D, so a record deleted on D is gone.
public struct Lifespan: Sendable, Equatable {
    public var createdOn: CalendarDate
    public var deletedOn: CalendarDate?

    public init(createdOn: CalendarDate, deletedOn: CalendarDate? = nil) {
        self.createdOn = createdOn
        self.deletedOn = deletedOn
    }

    /// Whether the record existed at the end of `date`.
    public func exists(at date: CalendarDate) -> Bool {
        createdOn <= date && (deletedOn.map { $0 > date } ?? true)
    }
}

/// What the standard needs to know about an institution.
public struct FacilityInstitution: Sendable, Equatable {
    public var id: Int64
    public var headcount: Int
    public var floors: Int
    public var hasCanteen: Bool

    public init(id: Int64, headcount: Int, floors: Int, hasCanteen: Bool) {
        self.id = id
        self.headcount = headcount
        self.floors = floors
        self.hasCanteen = hasCanteen
    }
}

/// Bins of one category at one point.
public struct BinSpec: Sendable, Equatable {
    public var count: Int
    /// Litres per bin, when the clerk knows it.
    public var capacityLitres: Int?

    public init(count: Int, capacityLitres: Int? = nil) {
        self.count = count
        self.capacityLitres = capacityLitres
    }
}

/// A collection point (投放点) with its bins.
public struct CollectionPoint: Sendable, Equatable {
    public var id: Int64
    public var location: String
    public var kind: CollectionPointKind
    public var floor: Int?
    public var bins: [WasteCategory: BinSpec]
    public var signageOK: Bool
    public var lifespan: Lifespan

    public init(id: Int64, location: String, kind: CollectionPointKind, floor: Int? = nil,
                bins: [WasteCategory: BinSpec] = [:], signageOK: Bool = true, lifespan: Lifespan) {
        self.id = id
        self.location = location
        self.kind = kind
        self.floor = floor
        self.bins = bins
        self.signageOK = signageOK
        self.lifespan = lifespan
    }

    /// Bins of a category at this point (0 when none).
    public func binCount(_ category: WasteCategory) -> Int { bins[category]?.count ?? 0 }

    /// How messages name the place: `3楼办公区 (office_floor, floor 3)`.
    public var label: String {
        let floorText = floor.map { ", floor \($0)" } ?? ""
        return "\(location) (\(kind.rawValue)\(floorText))"
    }
}

/// A temporary storage room (垃圾暂存间).
public struct StorageRoom: Sendable, Equatable {
    public var id: Int64
    public var location: String
    /// The categories the room keeps apart.
    public var categories: Set<WasteCategory>
    public var sealed: Bool
    public var ventilated: Bool
    public var signageOK: Bool
    public var lifespan: Lifespan

    public init(id: Int64, location: String, categories: Set<WasteCategory>, sealed: Bool = true,
                ventilated: Bool = true, signageOK: Bool = true, lifespan: Lifespan) {
        self.id = id
        self.location = location
        self.categories = categories
        self.sealed = sealed
        self.ventilated = ventilated
        self.signageOK = signageOK
        self.lifespan = lifespan
    }

    public var label: String { "\(location) (storage room)" }
}

/// A collection, transport and treatment contract (收运处置协议) for one category.
public struct HaulerContract: Sendable, Equatable {
    public var id: Int64
    public var category: WasteCategory
    public var hauler: String
    public var validFrom: CalendarDate
    public var validTo: CalendarDate
    public var lifespan: Lifespan

    public init(id: Int64, category: WasteCategory, hauler: String, validFrom: CalendarDate, validTo: CalendarDate,
                lifespan: Lifespan) {
        self.id = id
        self.category = category
        self.hauler = hauler
        self.validFrom = validFrom
        self.validTo = validTo
        self.lifespan = lifespan
    }

    public func isValid(on date: CalendarDate) -> Bool { validFrom <= date && date <= validTo }
}
