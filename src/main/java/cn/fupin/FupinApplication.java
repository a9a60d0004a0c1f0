package cn.fupin;

import cn.fupin.household.ImportCommand;
import cn.fupin.household.RekeyCommand;
import cn.fupin.household.synthetic.GenerateCommand;
import cn.fupin.scenario.RulesCommand;
import cn.fupin.system.access.PasswordCommand;
import cn.fupin.system.audit.AuditCommand;
import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FupinApplication {

    /** The service, or one of its commands: {@code rules validate [DIR]}, {@code generate …}, {@code import FILE},
     * {@code rekey}, {@code audit verify}, {@code password}. */
    public static void main(String[] args) throws IOException {
        if (PasswordCommand.handles(args)) {
            System.exit(PasswordCommand.run(System.in, System.out, System.err));
        }
        if (RulesCommand.handles(args)) {
            System.exit(RulesCommand.run(args, System.out, System.err));
        }
        if (GenerateCommand.handles(args)) {
            System.exit(GenerateCommand.run(args, System.err));
        }
        if (ImportCommand.handles(args)) {
            System.exit(ImportCommand.run(FupinApplication.class, args, System.err));
        }
        if (RekeyCommand.handles(args)) {
            System.exit(RekeyCommand.run(FupinApplication.class, args, System.out));
        }
        if (AuditCommand.handles(args)) {
            System.exit(AuditCommand.run(FupinApplication.class, args, System.out));
        }
        SpringApplication.run(FupinApplication.class, args);
    }
}
