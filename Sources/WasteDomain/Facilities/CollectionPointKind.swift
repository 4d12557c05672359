/// Where a collection point (投放点) stands; the standard asks different bins of each kind.
public enum CollectionPointKind: String, Sendable, CaseIterable {
    case officeFloor = "office_floor"
    case canteen
    case entrance
    case outdoor
    case other
}
