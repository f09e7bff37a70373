using ChatKitApp.Bench;

// eng/bench.sh runs: `agents` (model path latency) and `postgres-lists <connection string>`, `postgres-search <connection string>`.
switch (args.FirstOrDefault())
{
    case "agents":
        await AgentLatency.RunAsync();
        break;
    case "postgres-lists" when args.Length > 1:
        await PostgresListLatency.RunAsync(args[1]);
        break;
    case "postgres-search" when args.Length > 1:
        await PostgresSearchLatency.RunAsync(args[1]);
        break;
    default:
        Console.Error.WriteLine("usage: ChatKitApp.Bench agents | postgres-lists <connection string> | postgres-search <connection string>");
        return 2;
}

return 0;
