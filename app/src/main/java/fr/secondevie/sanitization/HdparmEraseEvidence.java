package fr.secondevie.sanitization;

import fr.secondevie.common.InputError;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence of an ATA SECURITY ERASE UNIT run with hdparm: the terminal output of {@code hdparm
 * --user-master u --security-erase(-enhanced) PWD /dev/sdX} and of {@code hdparm -I /dev/sdX} taken
 * after it, as hdparm writes them (hdparm 9.x, {@code hdparm.c} and {@code identify.c}):
 *
 * <pre>
 * security_password: "PWD"
 *
 * /dev/sda:
 *  Issuing SECURITY_ERASE command, password="PWD", user=user
 * </pre>
 *
 * A failure adds a {@code perror} line, {@code ERASE_PREPARE: …} or {@code SECURITY_ERASE: …} (on
 * the error output, kept when captured with {@code 2>&1}). {@code hdparm -I} gives the device
 * ({@code /dev/sda:}), {@code ATA device, with non-removable media}, {@code \tSerial Number: …} and
 * a {@code Security:} section whose lines are {@code \t\t<flag>} when set and {@code \tnot\t<flag>}
 * when not ({@code supported}, {@code enabled}, {@code locked}, {@code frozen}…). A completed erase
 * leaves security disabled: {@code not enabled}, {@code not locked}. hdparm writes the same line
 * for the normal and the enhanced erase, so the evidence does not say which ran.
 */
final class HdparmEraseEvidence {

  static final String TOOL = "hdparm";

  private static final Pattern DEVICE = Pattern.compile("^(/dev/\\S+):\\s*$");
  private static final Pattern ISSUING =
      Pattern.compile(
          "^\\s*Issuing SECURITY_ERASE command, password=\".*\", user=(user|master)\\s*$");
  private static final Pattern OTHER_COMMAND = Pattern.compile("^\\s*Issuing (\\S+) command.*$");
  private static final Pattern FAILURE = Pattern.compile("^(ERASE_PREPARE|SECURITY_ERASE): (.*)$");
  private static final Pattern SERIAL = Pattern.compile("^\\tSerial Number:\\s*(.*?)\\s*$");
  private static final Pattern MODEL = Pattern.compile("^\\tModel Number:\\s*(.*?)\\s*$");
  private static final Pattern FLAG = Pattern.compile("^\\t(not|\\(\\?\\))?\\t(.+?)\\s*$");

  private HdparmEraseEvidence() {}

  /**
   * Reads both outputs; problems go to {@code errors} with the part ({@code hdparmErase}, {@code
   * hdparmIdentify}) and line they concern. Null when the evidence is not accepted.
   *
   * @param verification how the operator verified the result (hdparm does not)
   */
  static ReportedDrive read(
      String erase, String identify, Verification verification, List<InputError> errors) {
    int before = errors.size();
    String eraseDevice = null;
    boolean issued = false;
    if (erase == null || erase.isBlank()) {
      errors.add(
          InputError.of(
              "erase",
              "Sortie de « hdparm --security-erase » (ou --security-erase-enhanced) manquante."));
    } else {
      String[] lines = lines(erase);
      for (int i = 0; i < lines.length; i++) {
        Matcher device = DEVICE.matcher(lines[i]);
        Matcher failure = FAILURE.matcher(lines[i]);
        Matcher other = OTHER_COMMAND.matcher(lines[i]);
        if (device.matches()) {
          eraseDevice = eraseDevice == null ? device.group(1) : eraseDevice;
        } else if (ISSUING.matcher(lines[i]).matches()) {
          issued = true;
        } else if (failure.matches()) {
          errors.add(
              InputError.atLine(
                  i + 1,
                  "erase",
                  lines[i],
                  "hdparm signale l'échec de %s (%s) : le support n'a pas été effacé."
                      .formatted(failure.group(1), failure.group(2))));
        } else if (other.matches()) {
          errors.add(
              InputError.atLine(
                  i + 1,
                  "erase",
                  lines[i],
                  "Commande %s : ce n'est pas la sortie d'un effacement (SECURITY_ERASE attendu)."
                      .formatted(other.group(1))));
        }
      }
      if (!issued || eraseDevice == null) {
        errors.add(
            InputError.of(
                "erase",
                "Lignes « /dev/sdX: » et « Issuing SECURITY_ERASE command, password=\"…\","
                    + " user=user » attendues (sortie de hdparm --security-erase)."));
      }
    }
    String identifyDevice = null;
    String serial = null;
    String model = null;
    boolean ata = false;
    boolean security = false;
    Set<String> set = new HashSet<>();
    Set<String> notSet = new HashSet<>();
    int securityLine = 0;
    if (identify == null || identify.isBlank()) {
      errors.add(
          InputError.of("identify", "Sortie de « hdparm -I » après l'effacement manquante."));
    } else {
      String[] lines = lines(identify);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        Matcher device = DEVICE.matcher(line);
        Matcher s = SERIAL.matcher(line);
        Matcher m = MODEL.matcher(line);
        if (device.matches() && identifyDevice == null) {
          identifyDevice = device.group(1);
        } else if (line.startsWith("ATA device, with ")) {
          ata = true;
        } else if (s.matches()) {
          serial = s.group(1).isEmpty() ? null : s.group(1);
        } else if (m.matches()) {
          model = m.group(1).isEmpty() ? null : m.group(1);
        } else if (line.startsWith("Security:")) {
          security = true;
          securityLine = i + 1;
          for (int j = i + 1; j < lines.length && lines[j].startsWith("\t"); j++) {
            Matcher flag = FLAG.matcher(lines[j]);
            if (flag.matches()) {
              (flag.group(1) == null ? set : notSet).add(flag.group(2));
            }
          }
        }
      }
      if (identifyDevice == null || !ata) {
        errors.add(
            InputError.of(
                "identify",
                "Lignes « /dev/sdX: » et « ATA device, with … media » attendues (sortie de hdparm"
                    + " -I d'un disque ATA)."));
      }
      if (serial == null) {
        errors.add(
            InputError.of(
                "identify",
                "Ligne « Serial Number: » absente ou vide : le support ne peut pas être rattaché."));
      }
      if (!security || !set.contains("supported")) {
        errors.add(
            new InputError(
                "identify",
                security ? securityLine : null,
                null,
                "Section « Security: » avec « supported » attendue : sans jeu de sécurité ATA, pas"
                    + " de SECURITY ERASE UNIT."));
      } else if (set.contains("enabled") || set.contains("locked")) {
        errors.add(
            new InputError(
                "identify",
                securityLine,
                set.contains("locked") ? "locked" : "enabled",
                "La sécurité ATA est encore activée après l'effacement (« enabled »/« locked ») :"
                    + " SECURITY ERASE UNIT ne s'est pas achevé (il la désactive)."));
      } else if (!notSet.contains("enabled")) {
        errors.add(
            new InputError(
                "identify",
                securityLine,
                null,
                "Ligne « not enabled » attendue dans la section « Security: »."));
      }
    }
    if (eraseDevice != null && identifyDevice != null && !eraseDevice.equals(identifyDevice)) {
      errors.add(
          InputError.of(
              "identify",
              identifyDevice,
              "L'effacement porte sur %s mais « hdparm -I » sur %s : les deux sorties doivent concerner le même support."
                  .formatted(eraseDevice, identifyDevice)));
    }
    if (errors.size() > before) {
      return null;
    }
    String notes =
        "hdparm, %s, ATA SECURITY ERASE UNIT (normal ou renforcé : la sortie d'hdparm ne le distingue pas), sécurité désactivée après l'effacement ; vérification déclarée par l'opérateur"
            .formatted(eraseDevice);
    return new ReportedDrive(
        serial,
        SanitizationLevel.PURGE,
        SanitizationMethod.SECURE_ERASE,
        verification,
        DriveResult.PASSED,
        notes,
        null,
        model);
  }

  private static String[] lines(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
  }
}
