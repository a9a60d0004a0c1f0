package cn.fupin;

import cn.fupin.policy.RulesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FupinApplication {

    public static void main(String[] args) {
        if (RulesCommand.handles(args)) {
            System.exit(RulesCommand.run(args, System.out, System.err)); // `rules validate [DIR]`: no service
        }
        SpringApplication.run(FupinApplication.class, args);
    }
}
