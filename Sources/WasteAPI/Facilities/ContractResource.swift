import JSON
import WasteDomain

/// A hauler contract (收运处置协议) for one category, valid from one day to another inclusive; a
/// category in force without a valid contract is a facility shortfall.
struct ContractFields: Sendable, Equatable {
    var category = WasteCategory.residual
    var hauler = ""
    var licenceNo = ""
    var validFrom = CalendarDate.placeholder
    var validTo = CalendarDate.placeholder

    static let description = ScopedDescription<ContractFields>(
        fields: ResourceDescription(table: "hauler_contracts", entity: "hauler_contract", schema: "Contract",
                                    blank: ContractFields(), fields: [
            .init("category", \.category, .category, zh: "类别", required: true),
            .init("hauler", \.hauler, .text(minLength: 1, maxLength: 200), zh: "收运单位", required: true),
            .init("licence_no", \.licenceNo, .text(minLength: 1, maxLength: 100), zh: "许可证号", required: true),
            .init("valid_from", \.validFrom, .date, zh: "起始日期", required: true),
            .init("valid_to", \.validTo, .date, zh: "截止日期", required: true, doc: "Inclusive; not before valid_from."),
        ], check: validToNotBeforeFrom),
        segment: "contracts", noun: "hauler contract", plural: "hauler contracts", tag: "facilities",
        deletion: .keepsHistory, whenArchived: .frozen)

    @Sendable private static func validToNotBeforeFrom(_ contract: ContractFields, _ reader: inout JSONFieldReader,
                                                       _ invalid: Set<String>) {
        guard invalid.isDisjoint(with: ["valid_from", "valid_to"]), contract.validTo < contract.validFrom else { return }
        reader.addError("valid_to", code: FieldError.Code.outOfRange, message: "must not be before valid_from (\(contract.validFrom))")
    }
}
