package cn.fupin.household.synthetic;

import cn.fupin.household.Sex;
import java.util.Random;

/** Made-up Chinese names: a common surname and one or two given characters. */
final class Names {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗龙田石韦潘";
    private static final String MALE = "明华强军伟勇杰涛超国建平志文飞刚林波";
    private static final String FEMALE = "芳敏静丽艳娟秀英兰玉梅红云霞燕萍琴";

    private Names() {}

    static String of(Sex sex, Random random) {
        String given = sex == Sex.MALE ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int length = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < length; i++) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }
}
