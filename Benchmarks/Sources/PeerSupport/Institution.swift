/// An institution with the members of wastesort's `InstitutionRecord.json`, in its order;
/// absent optionals are written as `null`, as wastesort writes them.
public struct Institution: Codable, Sendable {
    public var id: Int
    public var code: String
    public var name: String
    public var kind: String
    public var parentDepartment: String?
    public var address: String?
    public var headcount: Int
    public var floors: Int
    public var hasCanteen: Bool
    public var buildingAreaM2: Double?
    public var contactName: String?
    public var contactPhone: String?
    public var workingBodyEstablishedOn: String?
    public var planSubmittedOn: String?
    public var status: String
    public var createdAt: String
    public var updatedAt: String
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind, parentDepartment = "parent_department", address, headcount, floors
        case hasCanteen = "has_canteen", buildingAreaM2 = "building_area_m2", contactName = "contact_name"
        case contactPhone = "contact_phone", workingBodyEstablishedOn = "working_body_established_on"
        case planSubmittedOn = "plan_submitted_on", status, createdAt = "created_at", updatedAt = "updated_at", version
    }

    /// Written by hand only so that nil members become `null` instead of disappearing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(parentDepartment, forKey: .parentDepartment)
        try container.encode(address, forKey: .address)
        try container.encode(headcount, forKey: .headcount)
        try container.encode(floors, forKey: .floors)
        try container.encode(hasCanteen, forKey: .hasCanteen)
        try container.encode(buildingAreaM2, forKey: .buildingAreaM2)
        try container.encode(contactName, forKey: .contactName)
        try container.encode(contactPhone, forKey: .contactPhone)
        try container.encode(workingBodyEstablishedOn, forKey: .workingBodyEstablishedOn)
        try container.encode(planSubmittedOn, forKey: .planSubmittedOn)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(version, forKey: .version)
    }
}
