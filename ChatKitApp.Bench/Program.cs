using ChatKitApp.Bench;

// eng/bench.sh runs: `agents` (model path latency), `postgres-lists <connection string>`,
// `postgres-search <connection string>` (chat search latency; see PostgresSearchLatency),
// `open-streams …` (many concurrent streams against a running app; see OpenStreams) and
// `add-message …` (add_user_message on long threads of a running app; see AddMessageLatency).
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
    case "open-streams":
        return await OpenStreams.RunAsync(args[1..]);
    case "add-message":
        return await AddMessageLatency.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: ChatKitApp.Bench agents | postgres-lists <connection string> | postgres-search <connection string> | open-streams <url> <cookie> <app pid> <streams> <seconds> <delay ms> <dotnet-counters> | add-message <url> <cookie> <threads> <items> <requests>");
        return 2;
}

return 0;
