/// What a test needs to hold a description against its table, without its model type.
struct DescribedTable: Sendable {
    let table: String
    let columns: [String]
    let names: [String]
    let chineseHeaders: [String]
    let derivedColumns: [String]
}

extension ResourceDescription {
    var describedTable: DescribedTable {
        DescribedTable(table: table, columns: columns, names: names, chineseHeaders: fields.map(\.headerZH),
                       derivedColumns: derivedColumns)
    }
}

/// Every resource declared through a ``ResourceDescription``: the test that holds each against
/// its table's columns covers every one of them.
enum DescribedResources {
    static let tables: [DescribedTable] = [
        InstitutionFields.description.describedTable,
        CollectionPointFields.description.fields.describedTable,
        StorageRoomFields.description.fields.describedTable,
        ContractFields.description.fields.describedTable,
        ActivityFields.description.fields.describedTable,
        SurveyFields.description.fields.describedTable,
        TaskFields.description.fields.describedTable,
        FundingFields.description.fields.describedTable,
    ]
}
