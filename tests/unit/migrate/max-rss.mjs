// Loaded with `node --import` in front of a command: prints the process's peak resident memory
// (KB, from the kernel's own count) on stderr as it exits, so a test can read a child's max RSS.
process.on('exit', () => process.stderr.write(`\nKABAR_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
