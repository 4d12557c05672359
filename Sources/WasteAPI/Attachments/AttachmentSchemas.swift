import JSON

/// OpenAPI component schemas of attachments (listed in `OpenAPIRoutes.schemas`).
enum AttachmentSchemas {
    static let warning: JSONValue = [
        "type": "object",
        "required": ["code", "message"],
        "properties": [
            "code": ["type": "string", "enum": ["taken_before_finding", "far_from_institution", "no_capture_time", "no_location"]],
            "message": ["type": "string"],
        ],
    ]

    static let all: [(String, JSONValue)] = [
        ("Attachment", [
            "type": "object",
            "required": ["id", "owner_type", "owner_id", "institution_id", "filename", "media_type", "size", "sha256",
                         "taken_at", "latitude", "longitude", "warnings", "uploaded_by", "uploaded_at", "url"],
            "properties": [
                "id": ["type": "integer"],
                "owner_type": ["type": "string", "enum": ["inspection", "finding", "institution"]],
                "owner_id": ["type": "integer"],
                "institution_id": ["type": "integer"],
                "stage": ["type": "string", "enum": ["found", "rectified"], "description": "Findings' attachments only."],
                "kind": ["type": "string", "enum": .array(AttachmentRoutes.kinds.map(JSONValue.string)),
                         "description": "Institutions' attachments only."],
                "filename": ["type": "string", "description": "The name the file was uploaded with."],
                "media_type": ["type": "string", "enum": ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"],
                               "description": "Judged from the file's first bytes."],
                "size": ["type": "integer", "minimum": 1],
                "sha256": ["type": "string", "pattern": "^[0-9a-f]{64}$", "description": "Also the download's ETag."],
                "taken_at": ["type": ["string", "null"], "format": "date-time", "description": "EXIF DateTimeOriginal."],
                "latitude": ["type": ["number", "null"], "description": "EXIF GPS position, WGS 84 degrees."],
                "longitude": ["type": ["number", "null"]],
                "warnings": ["type": "array", "items": warning,
                             "description": "What the office should check (rectification photos); never a refusal."],
                "uploaded_by": ["type": "integer"],
                "uploaded_at": ["type": "string", "format": "date-time"],
                "url": ["type": "string", "description": "Where the bytes are: GET (Range, ETag) and DELETE."],
            ],
        ]),
        ("AttachmentList", [
            "type": "object",
            "required": ["items"],
            "properties": ["items": ["type": "array", "items": ["$ref": "#/components/schemas/Attachment"]]],
        ]),
        ("AttachmentUpload", [
            "type": "object",
            "description": """
                multipart/form-data with one or more file parts (any field name; parts without a filename are ignored), \
                or the file itself as the raw body with its Content-Type and ?filename=. JPEG, PNG, WebP, HEIC or PDF \
                (judged by the first bytes), each at most the server's upload limit (20 MiB by default: 413).
                """,
            "properties": ["file": ["type": "array", "items": ["type": "string", "format": "binary"]]],
        ]),
    ]
}
