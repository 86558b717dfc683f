package org.clipfile;

import org.clipfile.cli.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Clipfile: a search server for newsroom archives on Elasticsearch. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClipfileApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(args));
        }
        SpringApplication.run(ClipfileApplication.class, args);
    }
}
