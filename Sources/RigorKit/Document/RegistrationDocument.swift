/// What the registration commit holds: the claims as parsed, before any seed ran.
struct RegistrationDocument: Codable {
  var notebook: String
  var claims: [Claim]
  var parameters: [String: ParameterValue]
  var seeds: [Int]
}
