extension Int {
    /// The count with its noun in the right number: `1.counted("paper")` is "1 paper",
    /// `3.counted("paper")` "3 papers", `2.counted("gap or repeat", plural: "gaps or repeats")`.
    public func counted(_ singular: String, plural: String? = nil) -> String {
        "\(self) " + (self == 1 ? singular : plural ?? singular + "s")
    }
}
