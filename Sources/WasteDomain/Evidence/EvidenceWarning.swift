import Foundation

/// Something about a rectification photo the office should look at before verifying: the
/// upload is kept either way (docs/DECISIONS.md, "Evidence warnings").
public struct EvidenceWarning: Sendable, Equatable {
    public let code: String
    public let message: String

    public static let furthestDistanceMeters = 1000.0

    /// The warnings of a photo offered as proof of a rectification.
    /// - takenAt: from EXIF; nil when the photo carries no capture time.
    /// - raisedAt: when the finding was recorded.
    public static func forRectificationPhoto(takenAt: Timestamp?, raisedAt: Timestamp, photo: GeoPoint?,
                                             institution: GeoPoint?) -> [EvidenceWarning] {
        var warnings: [EvidenceWarning] = []
        if let takenAt {
            if takenAt < raisedAt {
                warnings.append(EvidenceWarning(code: "taken_before_finding",
                                                message: "taken at \(takenAt), before the finding was raised at \(raisedAt)"))
            }
        } else {
            warnings.append(EvidenceWarning(code: "no_capture_time", message: "the photo carries no capture time"))
        }
        if let photo, let institution {
            let meters = photo.meters(to: institution)
            if meters > furthestDistanceMeters {
                warnings.append(EvidenceWarning(code: "far_from_institution",
                                                message: "taken \(Int(meters.rounded())) m from the institution (more than 1 km)"))
            }
        } else if photo == nil {
            warnings.append(EvidenceWarning(code: "no_location", message: "the photo carries no GPS position"))
        }
        return warnings
    }
}

/// A position in WGS 84 degrees.
public struct GeoPoint: Sendable, Equatable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance (haversine, mean Earth radius): well within a metre at a few km.
    public func meters(to other: GeoPoint) -> Double {
        let radius = 6_371_008.8
        let φ1 = latitude * .pi / 180, φ2 = other.latitude * .pi / 180
        let Δφ = (other.latitude - latitude) * .pi / 180, Δλ = (other.longitude - longitude) * .pi / 180
        let a = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * radius * asin(min(1, sqrt(a)))
    }
}
