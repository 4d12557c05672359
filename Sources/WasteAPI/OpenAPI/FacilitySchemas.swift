import JSON

/// OpenAPI component schemas of the facility resources: collection points, storage rooms,
/// hauler contracts, the facility standard and compliance results.
enum FacilitySchemas {
    private static let category: JSONValue = [
        "type": "string", "enum": ["recyclable", "hazardous", "food", "residual"],
        "description": "Input also accepts Chinese names and aliases (厨余, 干垃圾, …); categories not in force are refused.",
    ]
    private static let integer: JSONValue = ["type": "integer"]
    private static let nullableInteger: JSONValue = ["type": ["integer", "null"]]
    private static let stamp: JSONValue = ["type": "string", "format": "date-time"]
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let bool: JSONValue = ["type": "boolean"]

    private static func list(_ reference: String, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object(JSONObject([
            ("type", "object"), ("required", .array((["items", "next_cursor"] + extra.map(\.0)).map(JSONValue.string))),
            ("properties", .object(JSONObject([
                ("items", ["type": "array", "items": ["$ref": .string(reference)]]),
                ("next_cursor", ["type": ["string", "null"]]),
            ] + extra))),
        ]))
    }

    private static let rule: JSONValue = [
        "type": "object", "required": ["code"],
        "description": """
            One rule: {code, enabled, parameters}. Codes and parameters: hazardous_point; office_point_bins \
            {categories}; canteen_point_bins {categories}; bin_sets_per_headcount {staff_per_bin_set}; \
            office_points_per_floor {points_per_floor}; storage_room {headcount_threshold, when_canteen, require_sealed, \
            require_ventilated}; signage; hauler_contracts.
            """,
        "properties": [
            "code": ["type": "string", "enum": ["hazardous_point", "office_point_bins", "canteen_point_bins",
                                                "bin_sets_per_headcount", "office_points_per_floor", "storage_room",
                                                "signage", "hauler_contracts"]],
            "enabled": ["type": "boolean"],
            "categories": ["type": "array", "items": category],
            "staff_per_bin_set": ["type": "integer", "minimum": 1],
            "points_per_floor": ["type": "integer", "minimum": 1],
            "headcount_threshold": ["type": "integer", "minimum": 0],
            "when_canteen": ["type": "boolean"], "require_sealed": ["type": "boolean"], "require_ventilated": ["type": "boolean"],
        ],
    ]

    private static let compliance: [(String, JSONValue)] = [
        ("institution_id", integer), ("as_of", date), ("standard_version", integer), ("compliant", bool),
        ("score", ["type": "number", "minimum": 0, "maximum": 100, "description": "Share of applicable rules met, one decimal."]),
        ("rules", ["type": "array", "items": ["type": "object", "required": ["code", "applicable", "met"],
                                                "properties": ["code": ["type": "string"], "applicable": bool, "met": bool]]]),
        ("shortfalls", ["type": "array", "items": [
            "type": "object", "required": ["rule", "message", "message_zh", "missing"],
            "properties": [
                "rule": ["type": "string"], "message": ["type": "string"],
                "message_zh": ["type": "string", "description": "The shortfall in Chinese: what is missing and where."],
                "missing": ["type": "object", "properties": [
                    "category": category, "categories": ["type": "array", "items": category], "kind": ["type": "string"],
                    "count": integer, "floors": ["type": "array", "items": integer],
                    "features": ["type": "array", "items": ["type": "string"]],
                    "collection_point_id": integer, "storage_room_id": integer,
                ]],
            ],
        ]]),
    ]

    static let all: [(String, JSONValue)] =
        CollectionPointFields.description.openAPISchemas
        + StorageRoomFields.description.openAPISchemas
        + ContractFields.description.openAPISchemas
        + [
            ("FacilityStandardInput", [
                "type": "object", "additionalProperties": false, "required": ["rules"],
                "description": "Rules left out are stored switched off; parameters left out take their defaults.",
                "properties": ["rules": ["type": "array", "items": rule, "maxItems": 8]],
            ]),
            ("FacilityStandard", [
                "type": "object", "required": ["version", "rules", "created_at", "created_by"],
                "properties": ["version": integer, "rules": ["type": "array", "items": rule], "created_at": stamp,
                               "created_by": nullableInteger],
            ]),
            ("FacilityCompliance", .object(JSONObject([
                ("type", "object"), ("required", .array(compliance.map { .string($0.0) })),
                ("properties", .object(JSONObject(compliance + [
                    ("institution", ["type": "object", "properties": ["id": integer, "code": ["type": "string"],
                                                                      "name": ["type": "string"]]]),
                ]))),
            ]))),
            ("FacilityComplianceList", list("#/components/schemas/FacilityCompliance",
                                            extra: [("as_of", date), ("standard_version", integer)])),
            ("FacilityComplianceSummary", [
                "type": "object",
                "required": ["as_of", "standard_version", "institutions", "compliant", "mean_score", "failing_by_rule"],
                "properties": [
                    "as_of": date, "standard_version": integer, "institutions": integer, "compliant": integer,
                    "mean_score": ["type": ["number", "null"]],
                    "failing_by_rule": ["type": "object", "additionalProperties": integer,
                                        "description": "Institutions failing each rule."],
                ],
            ]),
        ]
}
