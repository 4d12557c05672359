@_exported import CalendarDates

/// Dates are written as `YYYY-MM-DD` strings; every module that reads JSON dates sees the type.
extension CalendarDate: JSONEncodable {
    public func encode(to writer: inout JSONWriter) {
        writer.writeString(description)
    }
}
