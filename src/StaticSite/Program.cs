return StaticSite.Cli.CommandLine.Run(args, StaticSite.Cli.Terminal.FromConsole());
