package cn.fupin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FupinApplication {
    public static void main(String[] args) {
        SpringApplication.run(FupinApplication.class, args);
    }
}
