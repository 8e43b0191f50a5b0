return StaticSite.Cli.CommandLine.Run(args, Console.Out, Console.Error);
