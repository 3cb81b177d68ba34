func runPointBenchmarks(arguments: [String]) { print("points: not built yet") }
