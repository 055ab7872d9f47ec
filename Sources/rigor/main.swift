import Foundation
import RigorKit

exit(RigorCLI.runAsProcess(Array(CommandLine.arguments.dropFirst())))
