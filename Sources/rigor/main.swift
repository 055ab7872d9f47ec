import Foundation
import RigorKit

exit(RigorCLI.run(Array(CommandLine.arguments.dropFirst())))
