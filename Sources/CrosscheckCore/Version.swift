/// crosscheck's version, as `crosscheck --version` prints it (CHANGELOG.md lists what each brought).
public enum Version {
    public static let current = "0.9.0"
}
