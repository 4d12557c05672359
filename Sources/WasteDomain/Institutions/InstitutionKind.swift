/// The kinds of public institution the implementation plan covers (docs/API.md).
public enum InstitutionKind: String, Sendable, CaseIterable {
    case partyGovernmentOrgan = "party_government_organ"
    case publicInstitution = "public_institution"
    case socialOrganization = "social_organization"
    case stateEnterprise = "state_enterprise"
    case other

    /// The Chinese name used in notices and spreadsheets.
    public var chineseName: String {
        switch self {
        case .partyGovernmentOrgan: "党政机关"
        case .publicInstitution: "事业单位"
        case .socialOrganization: "团体组织"
        case .stateEnterprise: "国有企业"
        case .other: "其他"
        }
    }

    /// Accepts the code or the Chinese name (CSV files from clerks use either).
    public init?(codeOrChineseName text: String) {
        if let kind = InstitutionKind(rawValue: text) {
            self = kind
        } else if let kind = InstitutionKind.allCases.first(where: { $0.chineseName == text }) {
            self = kind
        } else {
            return nil
        }
    }
}

/// Active institutions take part in reporting and ranking; archived ones keep their history only.
public enum InstitutionStatus: String, Sendable, CaseIterable {
    case active
    case archived
}
