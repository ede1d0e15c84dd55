extension JourneyGenerator {
  /// The channels of a generated table, in the order of the column's dictionary.
  public static var channels: [String] { Catalog.channels }
}
