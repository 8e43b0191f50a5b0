StaticSite.Cli.NativeProgram.HandOver(args);
return StaticSite.Cli.CommandLine.Run(args, StaticSite.Cli.Terminal.FromConsole());
